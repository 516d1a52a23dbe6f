"""The unit lane: the handbook's code on its own. The few tests here that read a built site (marked `site`
by the fixture they ask for, so `--fast` leaves them out) get it from the shared fixtures."""
from helpers.sites import build, generator, hostile_site_dir, serve, site_dir  # noqa: F401 (fixtures)
