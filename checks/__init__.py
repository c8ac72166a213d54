"""The rules. One rule per file, named ``ta<code>_<name>.py``; every module here is imported
by ``audit.registry.load_rules`` and registers its rule with ``@register``."""
