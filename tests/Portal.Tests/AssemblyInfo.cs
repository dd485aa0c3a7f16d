using ContainerNetLib.Tests.Shared;

[assembly: AssemblyFixture(typeof(TestDatabase))]
