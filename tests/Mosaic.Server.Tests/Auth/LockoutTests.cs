using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Auth;

namespace Mosaic.Server.Tests.Auth;

/// <summary>5 failures lock the account for 15 minutes; the clock is fake, nothing sleeps.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly GatedHasher _hasher = new();
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync() =>
        _app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Time = _time;
            f.Settings["RATE_LIMIT_ENABLED"] = "false"; // the burst must reach the lockout, not the rate limiter
            f.ServiceOverrides.Add(s =>
                s.Replace(
                    ServiceDescriptor.Singleton<IPasswordHasher>(sp => _hasher.Wrap(ActivatorUtilities.CreateInstance<PasswordHasher>(sp)))
                )
            );
        });

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Five_failures_lock_the_account_until_the_window_passes()
    {
        var user = await _app.SignUpAndLogInAsync();
        var browser = _app.CreateBrowser();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(user.Email, "wrong password " + i)).StatusCode);

        // Locked: the right password is refused, with the same answer as a wrong one.
        var locked = await ProblemAssert.IsProblemAsync(await browser.LoginAsync(user.Email, user.Password), HttpStatusCode.Unauthorized);
        // The same answer as a wrong password, which states the rule so a locked-out person knows why and for how long.
        Assert.Equal(
            "Invalid email or password. After 5 failed attempts in a row an account is locked for 15 minutes.",
            locked.GetProperty("detail").GetString()
        );

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        var user = await _app.SignUpAndLogInAsync();
        var browser = _app.CreateBrowser();
        for (var i = 0; i < 4; i++)
            await browser.LoginAsync(user.Email, "wrong password");
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
        for (var i = 0; i < 4; i++)
            await browser.LoginAsync(user.Email, "wrong password");
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task The_session_expires_by_the_server_clock()
    {
        var user = await _app.SignUpAndLogInAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/me")).StatusCode);
        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        // The cookie's own expiry is in real time, so send the token explicitly to test the server's check.
        var token = user.Browser.Cookie("access_token");
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"access_token={token}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Thirty_concurrent_wrong_guesses_evaluate_at_most_the_limit_and_lock_the_account()
    {
        var user = await _app.SignUpAndLogInAsync();
        var browser = _app.CreateBrowser();
        // Every evaluated guess is held until all the others have answered, so they all overlap: a lockout read
        // before the check would let all 30 through to bcrypt.
        var responses = await _hasher.HoldWhileAsync([
            .. Enumerable.Range(0, 30).Select(i => Send(() => browser.LoginAsync(user.Email, "wrong " + i))),
        ]);

        Assert.Equal(5, _hasher.Evaluated);
        foreach (var response in responses)
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);

        // Locked: the right password is refused without being evaluated, until the window passes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
        Assert.Equal(5, _hasher.Evaluated);
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task The_right_password_among_concurrent_guesses_within_the_limit_signs_in()
    {
        var user = await _app.SignUpAndLogInAsync();
        var browser = _app.CreateBrowser();
        var responses = await _hasher.HoldWhileAsync([
            .. Enumerable.Range(0, 5).Select(i => Send(() => browser.LoginAsync(user.Email, i == 2 ? user.Password : "wrong " + i))),
        ]);

        Assert.Equal(5, _hasher.Evaluated);
        Assert.Equal(
            [
                HttpStatusCode.Unauthorized,
                HttpStatusCode.Unauthorized,
                HttpStatusCode.OK,
                HttpStatusCode.Unauthorized,
                HttpStatusCode.Unauthorized,
            ],
            responses.Select(r => r.StatusCode)
        );
        // The success reset the count: the account is not locked.
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
    }

    private static Func<Task<HttpResponseMessage>> Send(Func<Task<HttpResponseMessage>> request) => request;

    /// <summary>
    /// Counts guesses evaluated against a real hash (the dummy check for unknown or locked accounts evaluates
    /// nothing). While a burst runs, each evaluation waits until every request of the burst has either answered
    /// or is waiting here, so the evaluations overlap each other and the refusals.
    /// </summary>
    private sealed class GatedHasher
    {
        private IPasswordHasher _inner = null!;
        private volatile ManualResetEventSlim? _gate;
        private int _evaluated;
        private int _waiting;

        public int Evaluated => Volatile.Read(ref _evaluated);

        public IPasswordHasher Wrap(IPasswordHasher inner)
        {
            _inner = inner;
            return new Counting(this);
        }

        public async Task<HttpResponseMessage[]> HoldWhileAsync(IReadOnlyList<Func<Task<HttpResponseMessage>>> burst)
        {
            _evaluated = 0;
            var gate = _gate = new ManualResetEventSlim();
            var answered = 0;
            var all = Task.WhenAll(
                burst.Select(send =>
                    Task.Run(async () =>
                    {
                        try
                        {
                            return await send();
                        }
                        finally
                        {
                            Interlocked.Increment(ref answered);
                        }
                    })
                )
            );
            // Once every request is either answered or held here, the held ones are let go. The deadline only keeps
            // a broken lockout (every request held, none answered, thread pool starved) from hanging the test.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (
                !all.IsCompleted && DateTime.UtcNow < deadline && Volatile.Read(ref _waiting) + Volatile.Read(ref answered) < burst.Count
            )
                await Task.WhenAny(all, Task.Delay(10));
            _gate = null;
            gate.Set();
            return await all;
        }

        private sealed class Counting(GatedHasher owner) : IPasswordHasher
        {
            public string Hash(string password) => owner._inner.Hash(password);

            public bool Verify(string password, string hash)
            {
                Interlocked.Increment(ref owner._evaluated);
                if (owner._gate is { } gate)
                {
                    Interlocked.Increment(ref owner._waiting);
                    gate.Wait(TimeSpan.FromSeconds(30));
                    Interlocked.Decrement(ref owner._waiting);
                }
                return owner._inner.Verify(password, hash);
            }

            public void VerifyAgainstDummy(string password) => owner._inner.VerifyAgainstDummy(password);
        }
    }
}
