"""Graph model, stores (embedded networkx, Neo4j) and analytics."""
