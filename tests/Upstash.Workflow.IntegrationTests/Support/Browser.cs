using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Upstash.Workflow.TestSupport;
using Xunit.Sdk;

namespace Upstash.Workflow.IntegrationTests.Support;

/// <summary>
/// Headless Chromium driven through ChromeDriver, both Debian's packages (<c>chromium</c>, <c>chromium-driver</c>, which
/// .ci/run installs): a real browser with its own network stack, cookies and script engine, versions matched by the
/// distribution, and nothing downloaded at run time.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    private readonly ChromeDriver _driver;

    private Browser(ChromeDriver driver) => _driver = driver;

    public IWebDriver Page => _driver;

    /// <summary>Why no browser can run here (null when one can). In CI a missing browser fails instead.</summary>
    public static string? Unavailable()
    {
        if (File.Exists(Chromium) && File.Exists(Driver))
        {
            return null;
        }
        return Prerequisite.Missing($"Chromium and ChromeDriver are not at {Chromium} and {Driver}: install Debian's chromium and chromium-driver (as .ci/run does).");
    }

    public static Browser Start()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--disable-gpu");
        return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    public void Open(Uri url) => _driver.Navigate().GoToUrl(url);

    /// <summary>The page's visible text.</summary>
    public string Text => _driver.FindElement(By.TagName("body")).Text;

    /// <summary>Waits (the page redraws itself each second) until the page's text holds <paramref name="text"/>.</summary>
    public void WaitForText(string text, int seconds = 30)
    {
        try
        {
            var wait = new WebDriverWait(_driver, TimeSpan.FromSeconds(seconds));
            // A page that navigates or redraws replaces the element read a moment before.
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
            wait.Until(d => d.FindElement(By.TagName("body")).Text.Contains(text, StringComparison.Ordinal));
        }
        catch (WebDriverTimeoutException)
        {
            var source = _driver.PageSource;
            throw new XunitException($"The page at {_driver.Url} did not show '{text}' within {seconds} s. It showed:\n{Text}\nIts source:\n{source[..Math.Min(source.Length, 4000)]}");
        }
    }

    public void Click(By by) => Again(() => _driver.FindElement(by).Click());

    /// <summary>Clicks the button whose text is <paramref name="label"/> in the row that holds <paramref name="rowText"/>.</summary>
    public void ClickInRow(string rowText, string label) => Again(() =>
        _driver.FindElements(By.CssSelector("tr")).First(r => r.Text.Contains(rowText, StringComparison.Ordinal))
            .FindElements(By.TagName("button")).First(b => b.Text == label).Click());

    /// <summary>The texts of the cells of the first row matching <paramref name="selector"/> that holds <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Cells(string selector, string text)
    {
        IReadOnlyList<string> cells = [];
        Again(() => cells = _driver.FindElements(By.CssSelector(selector)).First(r => r.Text.Contains(text, StringComparison.Ordinal))
            .FindElements(By.TagName("td")).Select(c => c.Text).ToList());
        return cells;
    }

    /// <summary>
    /// Does <paramref name="action"/>, again when the element it found was replaced meanwhile: the page redraws its live
    /// part and its navigation whenever the emulator's state changes, as a person would see it do.
    /// </summary>
    private static void Again(Action action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                action();
                return;
            }
            catch (StaleElementReferenceException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Saves what the browser shows as a PNG under docs/images, for the docs to show the dashboard as it is.</summary>
    public string Screenshot(string name)
    {
        var path = Path.Combine(Repository.Root, "docs", "images", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose() => _driver.Quit();
}
