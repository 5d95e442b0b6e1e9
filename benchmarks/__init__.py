"""Benchmarks of articlekit: quality (quality.py, quality_gate.py), speed and batch runs."""
