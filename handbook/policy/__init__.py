"""The policy: each version's official text, where each clause is placed, its "In short" summaries, and text changes."""
