using ContainerNetLib.Tests.Shared;

[assembly: AssemblyFixture(typeof(TestDatabase))]
[assembly: AssemblyFixture(typeof(ContainerNetLib.Browser.Tests.Browser))]
// One portal at a time: the app's Hangfire configuration (later) is process-wide, and two cores are few.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
