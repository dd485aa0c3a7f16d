using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Domain.Accounts;

/// <summary>
/// Identity settings shared by the portal and the importer's users command, so an account created
/// on the command line follows the same rules as one the portal checks.
/// </summary>
public static class AccountRules
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 (Identity's V3 format); the framework default is
    /// 100,000.</summary>
    public const int PasswordHashIterations = 210_000;

    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.Lockout.AllowedForNewUsers = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    public static void Configure(PasswordHasherOptions options)
    {
        options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
        options.IterationCount = PasswordHashIterations;
    }

    /// <summary>Identity's EF Core stores over the portal's database, the user store being the one that ends an
    /// account's sessions when its password, stamp or role changes.</summary>
    public static IdentityBuilder AddPortalStores(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<PortalDbContext>().AddUserStore<SessionEndingUserStore>();
}
