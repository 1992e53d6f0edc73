"""The benchmark: a generated archive, its ground truth, and the figures the app must reach."""
