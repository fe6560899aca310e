"""Command modules of the `ocop` CLI, one per job."""
