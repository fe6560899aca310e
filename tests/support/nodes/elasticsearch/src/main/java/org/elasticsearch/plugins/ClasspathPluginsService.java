package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.plugins.spi.SPIClassIterator;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plugins that are classes on the classpath, instead of bundles unpacked under plugins/ and modules/.
 *
 * <p>Only the server jar and a few plugin jars are published on Maven Central, with no distribution
 * layout around them, so the node's plugins (Netty4Plugin) are named by class. It lives in this
 * package because {@link PluginsService.LoadedPlugin}, {@link PluginsService#loadPlugin} and the
 * {@link PluginsLoader} constructor are package-private (identical in 8.19 and 9.5).
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Path configDir, Collection<Class<? extends Plugin>> pluginClasses) {
        super(settings, configDir, noBundles());
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin instance = loadPlugin(pluginClass, settings, configDir);
            loaded.add(new LoadedPlugin(descriptor(pluginClass), instance, pluginClass.getClassLoader()));
        }
        this.classpathPlugins = List.copyOf(loaded);
    }

    /** A loader with no module or plugin bundles: everything comes from the classpath. */
    public static PluginsLoader noBundles() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(classpathPlugins.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
    }

    /**
     * Service providers (node features, ...) declared in META-INF/services of any jar.
     *
     * <p>Every plugin here shares the application class loader, so each one would find every
     * provider on the classpath: keep one instance per provider class, and skip providers whose
     * one-argument constructor asks for a different plugin.
     */
    @Override
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        Map<Class<?>, T> found = new LinkedHashMap<>();
        for (LoadedPlugin loaded : classpathPlugins) {
            Plugin plugin = loaded.instance();
            SPIClassIterator<T> providers = SPIClassIterator.get(service, plugin.getClass().getClassLoader());
            while (providers.hasNext()) {
                Class<? extends T> provider = providers.next();
                if (found.containsKey(provider) == false && acceptsPlugin(provider, plugin)) {
                    found.put(provider, createExtension(provider, service, plugin));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static boolean acceptsPlugin(Class<?> provider, Plugin plugin) {
        for (Constructor<?> constructor : provider.getConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0].isInstance(plugin) == false) {
                return false;
            }
        }
        return true;
    }

    /**
     * The descriptor of a classpath plugin. Its constructor gained a {@code DeploymentTarget} in
     * 9.x, so it is called reflectively: one launcher source compiles against 8.19 and 9.5.
     */
    private static PluginDescriptor descriptor(Class<? extends Plugin> pluginClass) {
        String java = Integer.toString(Runtime.version().feature());
        String version = Build.current().version();
        String name = pluginClass.getName();
        for (Constructor<?> constructor : PluginDescriptor.class.getConstructors()) {
            Class<?>[] types = constructor.getParameterTypes();
            if (types.length < 12 || types[0] != String.class) {
                continue;
            }
            Object[] args = new Object[types.length];
            Object[] common = { name, "classpath plugin", "NA", version, java, name, null, List.of() };
            System.arraycopy(common, 0, args, 0, common.length);
            for (int i = common.length; i < types.length; i++) {
                args[i] = types[i] == boolean.class ? Boolean.FALSE : enumConstant(types[i], "ALL");
            }
            try {
                return (PluginDescriptor) constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot describe plugin " + name, e);
            }
        }
        throw new IllegalStateException("no PluginDescriptor constructor this launcher knows in Elasticsearch " + version);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type.asSubclass(Enum.class), name);
    }
}
