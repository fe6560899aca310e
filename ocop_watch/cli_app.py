"""The Typer applications every command module attaches itself to.

Kept apart from `cli.py` so command modules can import the groups without importing each other.
"""

import typer

app = typer.Typer(
    help="ocop-watch: crawl, clean and search Vietnamese news coverage of OCOP.", no_args_is_help=True
)
eval_app = typer.Typer(
    help="Measure extraction and OCOP enrichment against labelled data.", no_args_is_help=True
)
index_app = typer.Typer(
    help="Manage the search index (Elasticsearch/OpenSearch sync and rebuild).", no_args_is_help=True
)
sites_app = typer.Typer(
    help="The site registry: list outlets and check their entry points.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")
app.add_typer(index_app, name="index")
app.add_typer(sites_app, name="sites")
