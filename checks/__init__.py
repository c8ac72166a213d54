"""The rules. One rule per file, named ``ta<code>_<name>.py``; every module here is imported
by ``trial_audit.engine.registry.load_rules`` and registers its rule with ``@register``."""
