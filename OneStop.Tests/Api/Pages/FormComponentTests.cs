using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Api.Pages;
using OneStop.Api.Pages.Forms;
using OneStop.Api.Problems;

namespace OneStop.Tests.Api.Pages;

/// <summary>The shared form components rendered on their own: labels, errors beside fields, the summary; errors by code.</summary>
public sealed class FormComponentTests
{
    [Fact]
    public async Task Field_WithErrorAndHint_LinksBothAndMarksTheInputInvalid()
    {
        var errors = FormErrors.From(Invalid("applicant.fullName", ValidationCodes.RequiredText, 200));
        var html = await RenderAsync<Field>(new()
        {
            [nameof(Field.Name)] = "applicant.fullName",
            [nameof(Field.Label)] = "Họ và tên",
            [nameof(Field.Value)] = "Lê <b>Hoa</b>",
            [nameof(Field.Errors)] = errors,
            [nameof(Field.Required)] = true,
            [nameof(Field.Hint)] = "Như trên giấy tờ tùy thân",
            ["autocomplete"] = "name",
        });

        Assert.Contains("""<div class="field has-error">""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="applicant-fullName">Họ và tên <span class="req">(bắt buộc)</span></label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<p class="hint" id="applicant-fullName-hint">Như trên giấy tờ tùy thân</p>""", html, StringComparison.Ordinal);
        Assert.Contains("""<p class="error" id="applicant-fullName-error">Bắt buộc, tối đa 200 ký tự.</p>""", html, StringComparison.Ordinal);
        Assert.Contains("""<input id="applicant-fullName" name="applicant.fullName" type="text" value="Lê &lt;b&gt;Hoa&lt;/b&gt;" aria-describedby="applicant-fullName-hint applicant-fullName-error" aria-invalid="true" required autocomplete="name" />""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_WithoutError_HasNoInvalidMarkOrDescription()
    {
        var html = await RenderAsync<Field>(new() { [nameof(Field.Name)] = "userName", [nameof(Field.Label)] = "Tên đăng nhập" });
        Assert.Contains("""<div class="field">""", html, StringComparison.Ordinal);
        Assert.Contains("""<input id="userName" name="userName" type="text" />""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectField_SelectsTheValueAndCarriesItsError()
    {
        var errors = FormErrors.From(Invalid("channel", ValidationCodes.Channel));
        var html = await RenderAsync<SelectField>(new()
        {
            [nameof(SelectField.Name)] = "channel",
            [nameof(SelectField.Label)] = "Kênh tiếp nhận",
            [nameof(SelectField.Value)] = "Online",
            [nameof(SelectField.Options)] = new[] { ("Counter", "Tại quầy"), ("Online", "Trực tuyến") },
            [nameof(SelectField.Errors)] = errors,
        });
        Assert.Contains("""<option value="Online" selected>Trực tuyến</option>""", html, StringComparison.Ordinal);
        Assert.Contains("""<option value="Counter">Tại quầy</option>""", html, StringComparison.Ordinal);
        Assert.Contains("""<p class="error" id="channel-error">Chọn kênh tiếp nhận: tại quầy, trực tuyến hoặc qua bưu chính.</p>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorSummary_ListsEachErrorLinkedToItsField()
    {
        var validation = new Validation();
        validation.Add("proxy.phone", ValidationCodes.Phone, "A Vietnamese phone number.");
        validation.Add("documents[1]", ValidationCodes.DocumentCopies, "At least one.", 100);
        var html = await RenderAsync<ErrorSummary>(new() { [nameof(ErrorSummary.Errors)] = FormErrors.From(validation), [nameof(ErrorSummary.IdPrefix)] = "dk-" });
        Assert.Contains("""<div class="notice notice-error" role="alert">""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="#dk-proxy-phone">Số điện thoại (người được ủy quyền): Số điện thoại Việt Nam""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="#dk-documents-1">Thành phần hồ sơ, dòng 2: Ít nhất một bản chính hoặc một bản sao; không nhập số âm; tối đa 100 bản mỗi loại.</a>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorSummary_NoErrors_RendersNothing() =>
        Assert.Equal(string.Empty, (await RenderAsync<ErrorSummary>(new() { [nameof(ErrorSummary.Errors)] = FormErrors.None })).Trim());

    [Fact]
    public void FormErrors_ProblemWithoutCodes_SaysInvalidInVietnameseNeverTheEnglish()
    {
        var problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Required, at most 200 characters."] });
        var errors = FormErrors.From(problem);
        Assert.Equal(Messages.UnknownField, errors.For("name"));
    }

    [Fact]
    public void FormErrors_SeveralCodesOnOneField_AreJoinedInOrder()
    {
        var validation = new Validation();
        validation.Add("acceptedAt", ValidationCodes.NotAnInstant, "An ISO 8601 date and time.");
        validation.Add("acceptedAt", ValidationCodes.LaterThanNow, "Cannot be later than now.");
        Assert.Equal("Ngày giờ không hợp lệ. Không được sau thời điểm hiện tại.", FormErrors.From(validation.Problem()).For("acceptedAt"));
    }

    private static ValidationProblem Invalid(string field, string code, params object[] args) => Validation.Problem(field, code, "English.", args);

    private static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var services = new ServiceCollection().AddSingleton<HtmlEncoder>(PageSetup.Encoder).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
