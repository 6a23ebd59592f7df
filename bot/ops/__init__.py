"""What an operator sees of a running bot: health (health.py, plain Python, no Telegram), Prometheus metrics
(metrics.py) and the small HTTP server that serves both on the operator address (server.py)."""
