"""Accounts: users, their roles and the organisations they edit."""
