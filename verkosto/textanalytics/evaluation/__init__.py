"""A labelled set of silent signals for measuring how well `cluster` finds their themes."""
