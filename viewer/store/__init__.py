"""The SQLite store: schema, imports and the read API the window uses (no Qt)."""
