"""Networks: regional networks, their member organisations, coordinators and peer groups;
bulletins, discussion threads and the coordinator's work log.

One concept, one module: `services.py`/`selectors.py` for networks, memberships and peer groups;
`bulletins.py`, `discussions.py` and `worklog.py` each hold their concept's writes and reads.
"""
