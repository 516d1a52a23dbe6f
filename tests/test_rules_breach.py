"""Breach: invariants over every combination of answers under every version."""
from __future__ import annotations

from rules_helpers import every


def test_every_breach_is_logged_and_reported_to_the_manager():
    for version, a, o in every("breach"):
        assert o.winner.decision == "report_to_manager"
        assert {"log_breach", "report_to_manager"} <= set(o.actions) and "7" in o.cites, a
        if a.get("personal_data") == "yes" and a.get("risk") in ("likely", "high"):
            assert "notify_ico_within_72h" in o.actions, a  # the law, under every version
        if a.get("risk") == "high":
            assert "tell_people_affected" in o.actions, a
        if a["what_happened"] == "posted_online":
            assert "remove_post" in o.actions
        if a["reason"] == "protect_someone":
            assert "evidence_may_be_requested" in o.actions and "notify_ico_within_72h" not in o.actions
