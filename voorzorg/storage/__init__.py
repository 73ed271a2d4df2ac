"""Storage: the one module that opens databases, the schema migrations, the views."""
