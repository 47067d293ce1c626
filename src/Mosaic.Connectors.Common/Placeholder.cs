namespace Mosaic.Connectors.Common;
internal static class Placeholder;
