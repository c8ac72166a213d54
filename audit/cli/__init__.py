"""The command line layer: ``trial-audit audit | rules | explain | baseline`` and its configuration."""
