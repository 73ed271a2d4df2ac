"""The circle's business rules: members, consents, help flow, activities."""
