namespace Mosaic.Faults.Tests;
