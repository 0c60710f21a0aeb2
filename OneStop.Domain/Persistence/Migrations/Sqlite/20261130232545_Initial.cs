using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ElectronicId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sessions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CutOff = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    SaturdayReception = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountingMode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agencies_Agencies_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Covers = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DaysOff = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MakeUpWorkingDays = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.UserName, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "LatenessAuditRun",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AuditVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LatenessAuditRun", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeRefresh",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeRefresh", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataReads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RefreshTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SpentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefreshTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SequenceCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SequenceCounters", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "AgencyUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FormerNames = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyUnits_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeDay",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgencyElectronicId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcedureName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Clerk = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Ended = table.Column<int>(type: "INTEGER", nullable: false),
                    Early = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Stopped = table.Column<int>(type: "INTEGER", nullable: false),
                    Listed = table.Column<int>(type: "INTEGER", nullable: false),
                    Differs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeDay", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeDay_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatternDay",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgencyElectronicId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorDossiers = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitDossiers = table.Column<int>(type: "INTEGER", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredEarlier = table.Column<int>(type: "INTEGER", nullable: false),
                    NearTolerance = table.Column<int>(type: "INTEGER", nullable: false),
                    BeyondTolerance = table.Column<int>(type: "INTEGER", nullable: false),
                    EarlierMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Reissues = table.Column<int>(type: "INTEGER", nullable: false),
                    Supplements = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementsOutOfWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultsLastHour = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatternDay", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatternDay_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procedures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procedures_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessingAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessingUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequiredDocuments = table.Column<string>(type: "TEXT", nullable: false),
                    StepBudgets = table.Column<string>(type: "TEXT", nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CutOff = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CitizenSupplementAmount = table.Column<int>(type: "INTEGER", nullable: true),
                    CitizenSupplementUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SupplementWindowAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementWindowUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureVersions_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackingNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicantFullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProxyFullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProxyIdNumber = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ProxyPhone = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ProxyAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProxyEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NoticeChannels = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Documents = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CurrentUnit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessingAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessingUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CountingMode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CutOff = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CitizenSupplementAmount = table.Column<int>(type: "INTEGER", nullable: true),
                    CitizenSupplementUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SupplementDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivingAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CountingStartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatutoryDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueCalendarStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AppointmentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reschedulings = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementRequestCount = table.Column<int>(type: "INTEGER", nullable: false),
                    StepDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StepStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultReadyAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StepSlaState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NextSlaCheckAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEventHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 410, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dossiers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_Agencies_ReceivingAgencyId",
                        column: x => x.ReceivingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_ProcedureVersions_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Apologies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NewAppointmentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectedBy = table.Column<string>(type: "TEXT", nullable: true),
                    RejectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Apologies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Apologies_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CitizenRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Clerk = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitizenRatings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CitizenRatings_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CitizenVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LoggedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResultWasReady = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitizenVisits_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierActorPattern",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyElectronicId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CountedUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredEarlier = table.Column<int>(type: "INTEGER", nullable: false),
                    NearTolerance = table.Column<int>(type: "INTEGER", nullable: false),
                    BeyondTolerance = table.Column<int>(type: "INTEGER", nullable: false),
                    EarlierMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Reissues = table.Column<int>(type: "INTEGER", nullable: false),
                    Supplements = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementsOutOfWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultsLastHour = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierActorPattern", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierActorPattern_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierBlindIndex",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierBlindIndex", x => new { x.Hash, x.DossierId });
                    table.ForeignKey(
                        name: "FK_DossierBlindIndex_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierEvents_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DossierOutcome",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    AgencyElectronicId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcedureName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Clerk = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedWeek = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Standing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StatutoryDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueSoonFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClockStoppedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppointmentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResultAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultWeek = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DeclaredResultAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CountedUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotCollectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaperOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    LateMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitAtDue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Index1 = table.Column<int>(type: "INTEGER", nullable: true),
                    Index2 = table.Column<int>(type: "INTEGER", nullable: true),
                    Index3 = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingKinds = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuditVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastKnownAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierOutcome", x => x.DossierId);
                    table.ForeignKey(
                        name: "FK_DossierOutcome_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Handovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FromUnit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ToUnit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Giver = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Receiver = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StepDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedStepOutcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Handovers_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LatenessFinding",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatutoryDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LateMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequences = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    ExplanationVi = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExplanationEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LatenessFinding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LatenessFinding_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Threshold = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotBefore = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    UndeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Receipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppointmentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Receipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Receipts_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Restatements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    StatutoryDueBefore = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatutoryDueAfter = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CalendarStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RestatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Restatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Restatements_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplementRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MissingDocuments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplementRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplementRequests_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_ElectronicId",
                table: "Agencies",
                column: "ElectronicId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_ParentId",
                table: "Agencies",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Path",
                table: "Agencies",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyUnits_AgencyId_Key",
                table: "AgencyUnits",
                columns: new[] { "AgencyId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Apologies_DossierId",
                table: "Apologies",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarNotices_Key_Revision",
                table: "CalendarNotices",
                columns: new[] { "Key", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitizenRatings_AgencyId_RatedAt",
                table: "CitizenRatings",
                columns: new[] { "AgencyId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenRatings_DossierId",
                table: "CitizenRatings",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitizenVisits_DossierId",
                table: "CitizenVisits",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierActorPattern_AgencyId_CountedUntil_AcceptedAt",
                table: "DossierActorPattern",
                columns: new[] { "AgencyId", "CountedUntil", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierActorPattern_DossierId",
                table: "DossierActorPattern",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierBlindIndex_DossierId",
                table: "DossierBlindIndex",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_DossierId_Sequence",
                table: "DossierEvents",
                columns: new[] { "DossierId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_RecordedAt",
                table: "DossierEvents",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DossierOutcome_AgencyId_AcceptedAt",
                table: "DossierOutcome",
                columns: new[] { "AgencyId", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierOutcome_AgencyId_CountedUntil_AcceptedAt",
                table: "DossierOutcome",
                columns: new[] { "AgencyId", "CountedUntil", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierOutcome_AgencyId_Outcome_CountedUntil_StatutoryDueAt_Code_AcceptedAt_ResultAt_ClosedAt_LateMinutes_LastKnownAt_DossierId",
                table: "DossierOutcome",
                columns: new[] { "AgencyId", "Outcome", "CountedUntil", "StatutoryDueAt", "Code", "AcceptedAt", "ResultAt", "ClosedAt", "LateMinutes", "LastKnownAt", "DossierId" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierOutcome_AgencyId_Outcome_PaperOnTime_CountedUntil_Code_AcceptedAt_ResultAt_LastKnownAt_DossierId",
                table: "DossierOutcome",
                columns: new[] { "AgencyId", "Outcome", "PaperOnTime", "CountedUntil", "Code", "AcceptedAt", "ResultAt", "LastKnownAt", "DossierId" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierOutcome_AgencyId_ResultAt",
                table: "DossierOutcome",
                columns: new[] { "AgencyId", "ResultAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierOutcome_AgencyId_ReturnedAt_CountedUntil_ResultAt_NotCollectedAt_AppointmentAt_AcceptedAt_AgencyElectronicId_Department_ProcedureCode_Clerk",
                table: "DossierOutcome",
                columns: new[] { "AgencyId", "ReturnedAt", "CountedUntil", "ResultAt", "NotCollectedAt", "AppointmentAt", "AcceptedAt", "AgencyElectronicId", "Department", "ProcedureCode", "Clerk" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierOutcome_AuditVersion",
                table: "DossierOutcome",
                column: "AuditVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_TrackingNumber_AcceptedAt",
                table: "Dossiers",
                columns: new[] { "AgencyId", "TrackingNumber", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Code",
                table: "Dossiers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_NextSlaCheckAt_Id",
                table: "Dossiers",
                columns: new[] { "NextSlaCheckAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ProcedureVersionId",
                table: "Dossiers",
                column: "ProcedureVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivingAgencyId",
                table: "Dossiers",
                column: "ReceivingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_StatutoryDueAt",
                table: "Dossiers",
                columns: new[] { "Status", "StatutoryDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_DossierId_Number",
                table: "Handovers",
                columns: new[] { "DossierId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LatenessAuditRun_StartedAt",
                table: "LatenessAuditRun",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LatenessFinding_DossierId_AuditVersion",
                table: "LatenessFinding",
                columns: new[] { "DossierId", "AuditVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_LatenessFinding_Kind_AuditedAt",
                table: "LatenessFinding",
                columns: new[] { "Kind", "AuditedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DossierId_Kind_Threshold_Channel",
                table: "OutboxMessages",
                columns: new[] { "DossierId", "Kind", "Threshold", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_NextAttemptAt",
                table: "OutboxMessages",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_UndeliveredAt",
                table: "OutboxMessages",
                column: "UndeliveredAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeDay_AgencyId_Day",
                table: "OutcomeDay",
                columns: new[] { "AgencyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeRefresh_DossierId",
                table: "OutcomeRefresh",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_PatternDay_AgencyId_Day",
                table: "PatternDay",
                columns: new[] { "AgencyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataReads_DossierId_At",
                table: "PersonalDataReads",
                columns: new[] { "DossierId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_AgencyId",
                table: "Procedures",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_Code",
                table: "Procedures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersions_ProcedureId_Number",
                table: "ProcedureVersions",
                columns: new[] { "ProcedureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_DossierId_Number",
                table: "Receipts",
                columns: new[] { "DossierId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_FamilyId",
                table: "RefreshTokens",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_UserId_ExpiresAt",
                table: "RefreshTokens",
                columns: new[] { "UserId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Restatements_DossierId_EventSequence",
                table: "Restatements",
                columns: new[] { "DossierId", "EventSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Restatements_RestatedAt",
                table: "Restatements",
                column: "RestatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SupplementRequests_DossierId",
                table: "SupplementRequests",
                column: "DossierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyUnits");

            migrationBuilder.DropTable(
                name: "Apologies");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CalendarNotices");

            migrationBuilder.DropTable(
                name: "CitizenRatings");

            migrationBuilder.DropTable(
                name: "CitizenVisits");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DossierActorPattern");

            migrationBuilder.DropTable(
                name: "DossierBlindIndex");

            migrationBuilder.DropTable(
                name: "DossierEvents");

            migrationBuilder.DropTable(
                name: "DossierOutcome");

            migrationBuilder.DropTable(
                name: "Handovers");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "LatenessAuditRun");

            migrationBuilder.DropTable(
                name: "LatenessFinding");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "OutcomeDay");

            migrationBuilder.DropTable(
                name: "OutcomeRefresh");

            migrationBuilder.DropTable(
                name: "PatternDay");

            migrationBuilder.DropTable(
                name: "PersonalDataReads");

            migrationBuilder.DropTable(
                name: "Receipts");

            migrationBuilder.DropTable(
                name: "RefreshTokens");

            migrationBuilder.DropTable(
                name: "Restatements");

            migrationBuilder.DropTable(
                name: "SequenceCounters");

            migrationBuilder.DropTable(
                name: "SupplementRequests");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Dossiers");

            migrationBuilder.DropTable(
                name: "ProcedureVersions");

            migrationBuilder.DropTable(
                name: "Procedures");

            migrationBuilder.DropTable(
                name: "Agencies");
        }
    }
}
