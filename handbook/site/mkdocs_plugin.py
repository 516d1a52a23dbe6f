"""The MkDocs plugin: `mkdocs build` and `mkdocs serve` in a group's folder run the same compile step.

A convenience only: `handbook build` is the build (atomic, with a choice of generator). The
plugin compiles the group's handbook into a temporary folder, points MkDocs at the compiled pages,
and post-processes the site MkDocs wrote.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..compile import Compiled, compile_handbook
from ..errors import HandbookError
from ..group import GROUP_FILE
from .build import post_process


class HandbookConfig(Config):
    group = config_options.Type(str, default=GROUP_FILE)
    policy_version = config_options.Optional(config_options.Type(str))


class HandbookPlugin(BasePlugin[HandbookConfig]):
    compiled: Compiled

    def on_config(self, config):
        group_file = Path(config.config_file_path).parent / self.config.group
        self.work = tempfile.TemporaryDirectory(prefix="handbook-compile-")
        try:
            self.compiled = compile_handbook(group_file, Path(self.work.name), version=self.config.policy_version)
        except HandbookError as error:
            raise PluginError(str(error)) from None
        settings = self.compiled.settings
        config.docs_dir = str(self.compiled.docs)
        config.site_name = settings["site_name"]
        config.extra.update(settings["extra"])
        return config

    def on_serve(self, server, *, config, builder):
        """Rebuild when the group's folder or the handbook's sources change."""
        group_file = Path(config.config_file_path).parent / self.config.group
        for path in self.compiled.folders.watched(group_file):
            server.watch(str(path))
        return server

    def on_post_build(self, *, config) -> None:
        post_process(self.compiled, Path(config.site_dir))
