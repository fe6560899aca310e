package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;
import java.util.List;

/**
 * A {@link Node} whose plugins are classes on the classpath.
 *
 * <p>The public {@code Node(Environment, PluginsLoader)} constructor only loads plugin bundles from
 * disk; {@code NodeConstruction.prepareConstruction} and {@code NodeServiceProvider} (both
 * package-private, same signatures in 8.19 and 9.5) let the plugins service be replaced, which is
 * what this subclass does, from inside the package.
 */
public final class ClasspathNode extends Node {

    public ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, ClasspathPluginsService.noBundles(), new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment initialEnvironment, PluginsLoader pluginsLoader) {
                return new ClasspathPluginsService(initialEnvironment.settings(), initialEnvironment.configDir(), List.copyOf(plugins));
            }
        }, true));
    }
}
