"""The MkDocs plugin: a thin layer of hooks over the plain modules beside it.

Kept thin on purpose: Material is in maintenance mode and its successor does not load MkDocs
plugins, so everything that is not a hook lives in a module that any build could call.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import csp, site_setup
from .site import swap
from .errors import HandbookError
from .pages import Handbook

log = logging.getLogger("mkdocs.plugins.handbook")


class HandbookConfig(Config):
    group = config_options.Type(str, default="group.yml")
    policy_version = config_options.Optional(config_options.Type(str))


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """Loads the group file, renders pages and writes the checkers' and documents' files."""

    handbook: Handbook
    staging: Path | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        group_file = os.environ.get("HANDBOOK_GROUP") or root / self.config.group
        version = os.environ.get("HANDBOOK_POLICY_VERSION") or self.config.policy_version
        try:
            self.handbook = site_setup.load_handbook(root, Path(group_file), version)
        except HandbookError as error:
            raise PluginError(str(error)) from None
        site_setup.apply_to_config(self.handbook, config)
        if getattr(self, "command", "build") not in ("serve", "mike"):  # mike builds in a child mkdocs
            # Build into a staging folder and move it into place only when the build succeeded,
            # so a mistake never leaves a half-written site behind.
            self.final_site_dir = Path(config.site_dir)
            self._guard(swap.check_target, self.final_site_dir)
            self.staging = self._guard(swap.staging_for, self.final_site_dir)
            config.site_dir = str(self.staging)
        return config

    def on_serve(self, server, *, config, builder):
        """Rebuild when the group file, the policy text or a document's wording changes, too."""
        for path in site_setup.watched_paths(self.handbook, Path(config.config_file_path).parent):
            server.watch(str(path))
        return server

    def on_files(self, files: Files, config) -> Files:
        self.generated = self._guard(site_setup.generated_pages, self.handbook)
        for path, content in self.generated.items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if page.file.src_uri in self.generated:
            return markdown  # made from data, already escaped: not a template
        return self._guard(self.handbook.render, markdown, page.file.src_uri)

    def on_post_page(self, output: str, *, page, config) -> str:
        return csp.protect(output)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        return csp.protect(output_content) if template_name.endswith(".html") else output_content

    def on_env(self, env, *, config, files):
        self._guard(site_setup.check_clauses, self.handbook)
        return env

    def on_post_build(self, *, config) -> None:
        self._guard(site_setup.write_assets, self.handbook, Path(config.site_dir))
        if self.staging is not None:
            staging, self.staging = self.staging, None
            for warning in self._guard(swap.replace, staging, self.final_site_dir):
                log.info(warning)
            config.site_dir = str(self.final_site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        swap.discard(self.staging)
        self.staging = None

    @staticmethod
    def _guard(function, *args):
        """Turn a user's mistake into MkDocs' one-line error instead of a traceback."""
        try:
            return function(*args)
        except HandbookError as error:
            raise PluginError(str(error)) from None
