"""Free-text analysis of registry fields: criteria lists, ages in prose, conditions, people's names, text hygiene."""
