"""What a call raises, to compare minigrad's errors with PyTorch's."""


def raised(call):
    """The type name and message of the exception ``call()`` raises, or None if it raises none."""
    try:
        call()
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None
