namespace Edgewise.Tests;

public class SmokeTests
{
    [Fact]
    public void Build_Compiles_True() => Assert.Equal(2, 1 + 1);
}
