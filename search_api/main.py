"""The ASGI application built from the environment, for `uvicorn search_api.main:app`."""

from search_api.app import create_app

app = create_app()
