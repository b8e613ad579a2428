"""Thin routers, one module per resource."""
