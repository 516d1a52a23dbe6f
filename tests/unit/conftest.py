"""The unit lane: the handbook's code on its own. The few tests here that read a built site (marked `site`
by the fixture they ask for, so `--fast` leaves them out) get it from the shared fixtures."""
