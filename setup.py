"""Only what pyproject.toml cannot say: which packages, and where resources come from.

`resources/` stays at the top of the repository (the PyInstaller spec and the
build scripts use it there) and is installed as the package data directory
`desktop_app/resources`, so `pip install .`, a wheel and pipx get the
frameworks, the sample and the icons.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["desktop_app", "desktop_app.*"]), "desktop_app.resources"],
    package_dir={"desktop_app.resources": "resources"},
)
