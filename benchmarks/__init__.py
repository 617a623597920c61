"""Benchmarks for reader: a synthetic-library generator and a runner."""
