"""``torch.Size``: a tuple of dimensions that prints as ``torch.Size([2, 2])``."""


class Size(tuple):
    def __repr__(self):
        return f"torch.Size([{', '.join(str(n) for n in self)}])"

    __str__ = __repr__

    def numel(self):
        count = 1
        for n in self:
            count *= n
        return count
