// Generated device code imports only CarburetorClient and GRDB; the wire
// types its records hold (dates, times, JSON, clocks) come with it.
@_exported import CarburetorWire
