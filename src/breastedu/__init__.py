"""BreastEdu: an offline library of breast and thyroid questions for patients."""

__version__ = "0.1.0"
