// Generated server code imports only CarburetorRuntime; the wire types it
// encodes (clocks, dates, upload and download shapes) come with it.
@_exported import CarburetorWire
