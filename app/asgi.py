"""The ASGI application uvicorn serves (settings from the environment)."""

import logging

from diplograph.app.main import create_app

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
app = create_app()
