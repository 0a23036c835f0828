"""Review server: reviewers' sessions, batch feed, productions and load files."""
