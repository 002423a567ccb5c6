// Opens the configured database: an unknown database fails here, not on first use.
RETURN 1 AS ok
