"""Layer 3: the operations, each a Function with its forward and its chain rule side by side."""
