"""The versioned indices behind the search alias: the primitives `indexer.sync` builds on.

Searches always go through the alias (`OCOP_INDEX_ALIAS`); its versions are `<alias>-vN`, all
created from one index template. A rebuild loads a new version while the alias keeps serving the
old one, then moves the alias in one atomic `_aliases` request.
"""

from __future__ import annotations

import contextlib
from typing import Any

from indexer.engines.elastic.client import Cluster
from indexer.engines.elastic.mapping import load_template
from indexer.errors import EngineUnavailable


class VersionedAlias:
    """The alias `name` on `cluster` and its `<name>-vN` indices."""

    def __init__(self, cluster: Cluster, name: str):
        self.cluster = cluster
        self.name = name

    def put_template(self) -> None:
        """Install the index template for `<alias>-v*`, so every version gets the same mapping."""
        client = self.cluster.client
        self.cluster.call(
            lambda: client.indices.put_index_template(name=self.name, body=load_template(self.name))
        )

    def behind_alias(self) -> list[str]:
        """The versions the alias points at (one, unless someone changed it by hand); [] before the first.

        Asked of `<alias>-v*` rather than `_alias/<alias>`, which answers 404 (and the clients log a
        warning) before the first rebuild."""
        found = self.cluster.call(lambda: self.cluster.client.indices.get_alias(index=f"{self.name}-v*"))
        return sorted(
            index
            for index, data in found.items()
            if self._is_version(index) and self.name in data.get("aliases", {})
        )

    def uuids(self) -> dict[str, str]:
        """Every `<alias>-vN` index, oldest version first, with its uuid."""
        found = self.cluster.call(lambda: self.cluster.client.indices.get_settings(index=f"{self.name}-v*"))
        # `<alias>-v*` also matches `<alias>-vault-v1`, another alias's version: never touch those
        named = {
            index: data["settings"]["index"]["uuid"]
            for index, data in found.items()
            if self._is_version(index)
        }
        return dict(sorted(named.items(), key=lambda item: self._number(item[0])))

    def current_uuid(self) -> str | None:
        """The uuid of the index behind the alias (None before the first rebuild)."""
        indices = self.behind_alias()
        return self.uuids().get(indices[0]) if len(indices) == 1 else None

    def mapping_version(self, index: str) -> int:
        """The `ocop_mapping` an index was created with (1: the first template, which had none)."""
        found: dict[str, Any] = self.cluster.call(
            lambda: self.cluster.client.indices.get_mapping(index=index)
        )
        metas = [data.get("mappings", {}).get("_meta", {}) for data in found.values()]
        return int(metas[0].get("ocop_mapping", 1)) if metas else 1

    def create(self, *, shards: int | None = None) -> str:
        """A new empty `<alias>-vN` (N one above the highest), refreshing off for a fast load."""
        name = f"{self.name}-v{max(map(self._number, self.uuids()), default=0) + 1}"
        settings: dict[str, Any] = {"index": {"refresh_interval": "-1"}}
        if shards:
            settings["index"]["number_of_shards"] = shards
        self.cluster.call(lambda: self.cluster.client.indices.create(index=name, body={"settings": settings}))
        return name

    def finish_loading(self, index: str) -> int:
        """Refreshing back on, the index refreshed and allocated; returns its document count."""
        client = self.cluster.client
        self.cluster.call(
            lambda: client.indices.put_settings(index=index, body={"index": {"refresh_interval": None}})
        )
        self.cluster.call(lambda: client.indices.refresh(index=index))
        self.cluster.call(lambda: client.cluster.health(index=index, wait_for_status="yellow"))
        return int(self.cluster.call(lambda: client.count(index=index))["count"])

    def point_alias_to(self, index: str) -> list[str]:
        """Swap the alias to `index` in one atomic request; returns the indices it left."""
        previous = self.behind_alias()
        actions = [{"remove": {"index": old, "alias": self.name}} for old in previous if old != index]
        actions.append({"add": {"index": index, "alias": self.name}})
        self.cluster.call(lambda: self.cluster.client.indices.update_aliases(body={"actions": actions}))
        return [old for old in previous if old != index]

    def refresh(self) -> None:
        self.cluster.call(lambda: self.cluster.client.indices.refresh(index=self.name))

    def drop(self, index: str) -> None:
        self.cluster.call(lambda: self.cluster.client.indices.delete(index=index))

    def drop_all(self) -> None:
        """Remove the alias, every version and the template (tests, and starting over by hand)."""
        for index in self.uuids():
            self.drop(index)
        with contextlib.suppress(EngineUnavailable):
            self.cluster.call(lambda: self.cluster.client.indices.delete_index_template(name=self.name))

    def _is_version(self, index: str) -> bool:
        return index.startswith(f"{self.name}-v") and index.removeprefix(f"{self.name}-v").isdigit()

    def _number(self, index: str) -> int:
        suffix = index.removeprefix(f"{self.name}-v")
        return int(suffix) if suffix.isdigit() else 0
