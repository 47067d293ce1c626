// Placeholder until this connector is built; see issues for Connectors I and II.
return 0;
