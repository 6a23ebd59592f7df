"""The search benchmark: labelled requests, the brute-force baseline, the judge and the runner."""
