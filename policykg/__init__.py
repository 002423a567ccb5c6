"""The application: the glue above `loaders`, `graph` and `render`.

`policykg.ingest` loads files into a store; `policykg.cli` is the command line
(``python -m policykg load|sync|query|compare|export``). The libraries below never
import this package: `loaders` makes graphs, `graph` stores and queries them,
`render` draws and exports them, and only here are the three put together.
"""
