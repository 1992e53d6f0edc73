"""Item models over the store's query results, one per concept."""
