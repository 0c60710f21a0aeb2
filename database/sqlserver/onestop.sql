IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [Agencies] (
        [Id] uniqueidentifier NOT NULL,
        [ParentId] uniqueidentifier NULL,
        [Path] nvarchar(800) NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [ElectronicId] nvarchar(40) NOT NULL,
        [Sessions] nvarchar(200) NOT NULL,
        [CutOff] time NULL,
        [SaturdayReception] nvarchar(200) NOT NULL,
        [CountingMode] nvarchar(40) NOT NULL,
        [IsDemo] bit NOT NULL,
        [Address] nvarchar(300) NOT NULL,
        [Phone] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_Agencies] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Agencies_Agencies_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [Unit] nvarchar(300) NULL,
        [IsDemo] bit NOT NULL,
        [LockedAt] datetime2 NULL,
        [LockedBy] nvarchar(256) NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [CalendarNotices] (
        [Id] uniqueidentifier NOT NULL,
        [Key] nvarchar(100) NOT NULL,
        [Revision] int NOT NULL,
        [Year] int NOT NULL,
        [Covers] nvarchar(200) NOT NULL,
        [DocumentNumber] nvarchar(500) NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [DaysOff] nvarchar(2000) NOT NULL,
        [MakeUpWorkingDays] nvarchar(2000) NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_CalendarNotices] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(100) NULL,
        [Xml] nvarchar(4000) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [IdempotencyRecords] (
        [Key] nvarchar(200) NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [RequestHash] nvarchar(64) NOT NULL,
        [StatusCode] int NOT NULL,
        [ResponseBody] nvarchar(max) NOT NULL,
        [Location] nvarchar(500) NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_IdempotencyRecords] PRIMARY KEY ([UserName], [Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [LatenessAuditRun] (
        [Id] bigint NOT NULL IDENTITY,
        [StartedAt] datetime2 NOT NULL,
        [CompletedAt] datetime2 NULL,
        [AuditVersion] int NOT NULL,
        [DossierCount] int NOT NULL,
        [FindingCount] int NOT NULL,
        CONSTRAINT [PK_LatenessAuditRun] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [OutcomeRefresh] (
        [Id] bigint NOT NULL IDENTITY,
        [DossierId] uniqueidentifier NOT NULL,
        [QueuedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_OutcomeRefresh] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [PersonalDataReads] (
        [Id] bigint NOT NULL IDENTITY,
        [DossierId] uniqueidentifier NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [At] datetime2 NOT NULL,
        [Purpose] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_PersonalDataReads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [RefreshTokens] (
        [Id] uniqueidentifier NOT NULL,
        [FamilyId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [IssuedAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [SpentAt] datetime2 NULL,
        [RevokedAt] datetime2 NULL,
        CONSTRAINT [PK_RefreshTokens] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [SequenceCounters] (
        [Key] nvarchar(120) NOT NULL,
        [Value] bigint NOT NULL,
        CONSTRAINT [PK_SequenceCounters] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AgencyUnits] (
        [Id] uniqueidentifier NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Key] nvarchar(300) NOT NULL,
        [FormerNames] nvarchar(4000) NOT NULL,
        [IsActive] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ChangedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_AgencyUnits] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AgencyUnits_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [OutcomeDay] (
        [Id] bigint NOT NULL IDENTITY,
        [AgencyId] uniqueidentifier NOT NULL,
        [Day] datetime2 NOT NULL,
        [AgencyElectronicId] nvarchar(40) NOT NULL,
        [AgencyName] nvarchar(300) NOT NULL,
        [Unit] nvarchar(200) NOT NULL,
        [ProcedureCode] nvarchar(40) NOT NULL,
        [ProcedureName] nvarchar(500) NOT NULL,
        [Clerk] nvarchar(256) NOT NULL,
        [Accepted] int NOT NULL,
        [Ended] int NOT NULL,
        [Early] int NOT NULL,
        [OnTime] int NOT NULL,
        [Late] int NOT NULL,
        [PaperOnTime] int NOT NULL,
        [Refused] int NOT NULL,
        [Stopped] int NOT NULL,
        [Listed] int NOT NULL,
        [Differs] int NOT NULL,
        CONSTRAINT [PK_OutcomeDay] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutcomeDay_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [PatternDay] (
        [Id] bigint NOT NULL IDENTITY,
        [AgencyId] uniqueidentifier NOT NULL,
        [Day] datetime2 NOT NULL,
        [AgencyElectronicId] nvarchar(40) NOT NULL,
        [Actor] nvarchar(256) NOT NULL,
        [Unit] nvarchar(200) NOT NULL,
        [ActorDossiers] int NOT NULL,
        [UnitDossiers] int NOT NULL,
        [Events] int NOT NULL,
        [DeclaredEarlier] int NOT NULL,
        [NearTolerance] int NOT NULL,
        [BeyondTolerance] int NOT NULL,
        [EarlierMinutes] bigint NOT NULL,
        [Reissues] int NOT NULL,
        [Supplements] int NOT NULL,
        [SupplementsOutOfWindow] int NOT NULL,
        [Results] int NOT NULL,
        [ResultsLastHour] int NOT NULL,
        CONSTRAINT [PK_PatternDay] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PatternDay_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [Procedures] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(500) NOT NULL,
        [Field] nvarchar(200) NOT NULL,
        [AgencyId] uniqueidentifier NULL,
        [IsDemo] bit NOT NULL,
        CONSTRAINT [PK_Procedures] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Procedures_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [ProcedureVersions] (
        [Id] uniqueidentifier NOT NULL,
        [ProcedureId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [EffectiveFrom] datetime2 NOT NULL,
        [ProcessingAmount] int NOT NULL,
        [ProcessingUnit] nvarchar(40) NOT NULL,
        [RequiredDocuments] nvarchar(max) NOT NULL,
        [StepBudgets] nvarchar(max) NOT NULL,
        [Fee] decimal(18,2) NOT NULL,
        [CutOff] nvarchar(20) NULL,
        [CitizenSupplementAmount] int NULL,
        [CitizenSupplementUnit] nvarchar(40) NULL,
        [SupplementWindowAmount] int NOT NULL,
        [SupplementWindowUnit] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_ProcedureVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProcedureVersions_Procedures_ProcedureId] FOREIGN KEY ([ProcedureId]) REFERENCES [Procedures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [Dossiers] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(60) NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [ProcedureVersionId] uniqueidentifier NOT NULL,
        [TrackingNumber] int NOT NULL,
        [Channel] nvarchar(40) NOT NULL,
        [ApplicantFullName] nvarchar(200) NOT NULL,
        [ApplicantIdNumber] nvarchar(120) NULL,
        [ApplicantPhone] nvarchar(120) NULL,
        [ApplicantAddress] nvarchar(500) NULL,
        [ApplicantEmail] nvarchar(200) NULL,
        [ProxyFullName] nvarchar(200) NULL,
        [ProxyIdNumber] nvarchar(120) NULL,
        [ProxyPhone] nvarchar(120) NULL,
        [ProxyAddress] nvarchar(500) NULL,
        [ProxyEmail] nvarchar(200) NULL,
        [NoticeChannels] nvarchar(40) NOT NULL,
        [Documents] nvarchar(max) NOT NULL,
        [Status] nvarchar(40) NOT NULL,
        [CurrentUnit] nvarchar(300) NOT NULL,
        [AcceptedAt] datetime2 NOT NULL,
        [ProcessingAmount] int NOT NULL,
        [ProcessingUnit] nvarchar(40) NOT NULL,
        [CountingMode] nvarchar(40) NOT NULL,
        [CutOff] nvarchar(20) NULL,
        [CitizenSupplementAmount] int NULL,
        [CitizenSupplementUnit] nvarchar(40) NULL,
        [SupplementDueAt] datetime2 NULL,
        [ReceivingAgencyId] uniqueidentifier NULL,
        [ReceivedAt] datetime2 NULL,
        [CountingStartsAt] datetime2 NOT NULL,
        [StatutoryDueAt] datetime2 NOT NULL,
        [DueCalendarStatus] nvarchar(40) NOT NULL,
        [AppointmentAt] datetime2 NOT NULL,
        [Reschedulings] int NOT NULL,
        [SupplementRequestCount] int NOT NULL,
        [StepDueAt] datetime2 NULL,
        [StepStartedAt] datetime2 NULL,
        [ResultReadyAt] datetime2 NULL,
        [ClosedAt] datetime2 NULL,
        [SlaState] nvarchar(40) NOT NULL,
        [StepSlaState] nvarchar(40) NOT NULL,
        [NextSlaCheckAt] datetime2 NULL,
        [EventCount] int NOT NULL,
        [LastEventHash] nvarchar(64) NOT NULL,
        [Version] int NOT NULL,
        [SearchName] nvarchar(410) NULL,
        CONSTRAINT [PK_Dossiers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Dossiers_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Dossiers_Agencies_ReceivingAgencyId] FOREIGN KEY ([ReceivingAgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Dossiers_ProcedureVersions_ProcedureVersionId] FOREIGN KEY ([ProcedureVersionId]) REFERENCES [ProcedureVersions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [Apologies] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [NewAppointmentAt] datetime2 NOT NULL,
        [RequestedBy] nvarchar(256) NOT NULL,
        [Status] nvarchar(40) NOT NULL,
        [ApprovedBy] nvarchar(256) NULL,
        [ApprovedAt] datetime2 NULL,
        [RejectedBy] nvarchar(max) NULL,
        [RejectedAt] datetime2 NULL,
        [RejectionReason] nvarchar(max) NULL,
        CONSTRAINT [PK_Apologies] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Apologies_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [CitizenRatings] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [Clerk] nvarchar(256) NOT NULL,
        [Level] nvarchar(40) NOT NULL,
        [Comment] nvarchar(1000) NULL,
        [RatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_CitizenRatings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CitizenRatings_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CitizenRatings_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [CitizenVisits] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [At] datetime2 NOT NULL,
        [Note] nvarchar(2000) NOT NULL,
        [LoggedBy] nvarchar(256) NOT NULL,
        [ResultWasReady] bit NOT NULL,
        CONSTRAINT [PK_CitizenVisits] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CitizenVisits_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [DossierActorPattern] (
        [Id] bigint NOT NULL IDENTITY,
        [DossierId] uniqueidentifier NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [AgencyElectronicId] nvarchar(40) NOT NULL,
        [Code] nvarchar(60) NOT NULL,
        [Actor] nvarchar(256) NOT NULL,
        [Unit] nvarchar(200) NOT NULL,
        [AcceptedAt] datetime2 NOT NULL,
        [CountedUntil] datetime2 NOT NULL,
        [Events] int NOT NULL,
        [DeclaredEarlier] int NOT NULL,
        [NearTolerance] int NOT NULL,
        [BeyondTolerance] int NOT NULL,
        [EarlierMinutes] bigint NOT NULL,
        [Reissues] int NOT NULL,
        [Supplements] int NOT NULL,
        [SupplementsOutOfWindow] int NOT NULL,
        [Results] int NOT NULL,
        [ResultsLastHour] int NOT NULL,
        CONSTRAINT [PK_DossierActorPattern] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DossierActorPattern_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [DossierBlindIndex] (
        [DossierId] uniqueidentifier NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_DossierBlindIndex] PRIMARY KEY ([Hash], [DossierId]),
        CONSTRAINT [FK_DossierBlindIndex_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [DossierEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [DossierId] uniqueidentifier NOT NULL,
        [Sequence] int NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Actor] nvarchar(256) NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        [OccurredAt] datetime2 NOT NULL,
        [Details] nvarchar(max) NOT NULL,
        [PreviousHash] nvarchar(64) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        [KeyId] nvarchar(40) NULL,
        CONSTRAINT [PK_DossierEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DossierEvents_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [DossierOutcome] (
        [DossierId] uniqueidentifier NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [AgencyPath] nvarchar(800) NOT NULL,
        [AgencyElectronicId] nvarchar(40) NOT NULL,
        [AgencyName] nvarchar(300) NOT NULL,
        [Code] nvarchar(60) NOT NULL,
        [ProcedureCode] nvarchar(40) NOT NULL,
        [ProcedureName] nvarchar(500) NOT NULL,
        [Clerk] nvarchar(256) NOT NULL,
        [AcceptedAt] datetime2 NOT NULL,
        [AcceptedWeek] nvarchar(10) NOT NULL,
        [Outcome] nvarchar(40) NOT NULL,
        [Standing] nvarchar(40) NULL,
        [StatutoryDueAt] datetime2 NOT NULL,
        [DueSoonFrom] datetime2 NULL,
        [ClockStoppedAt] datetime2 NULL,
        [AppointmentAt] datetime2 NOT NULL,
        [ResultAt] datetime2 NULL,
        [ResultWeek] nvarchar(10) NULL,
        [DeclaredResultAt] datetime2 NULL,
        [ReturnedAt] datetime2 NULL,
        [ClosedAt] datetime2 NULL,
        [EndAt] datetime2 NULL,
        [CountedUntil] datetime2 NOT NULL,
        [NotCollectedAt] datetime2 NULL,
        [PaperOnTime] bit NULL,
        [LateMinutes] bigint NOT NULL,
        [Department] nvarchar(200) NOT NULL,
        [UnitAtDue] nvarchar(200) NOT NULL,
        [LastUnit] nvarchar(200) NOT NULL,
        [Index1] int NULL,
        [Index2] int NULL,
        [Index3] int NOT NULL,
        [FindingKinds] nvarchar(600) NOT NULL,
        [Rules] nvarchar(200) NULL,
        [AuditVersion] int NOT NULL,
        [AuditedAt] datetime2 NOT NULL,
        [LastKnownAt] datetime2 NOT NULL,
        CONSTRAINT [PK_DossierOutcome] PRIMARY KEY ([DossierId]),
        CONSTRAINT [FK_DossierOutcome_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [Handovers] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [FromUnit] nvarchar(300) NOT NULL,
        [ToUnit] nvarchar(300) NOT NULL,
        [At] datetime2 NOT NULL,
        [Giver] nvarchar(256) NOT NULL,
        [Receiver] nvarchar(256) NOT NULL,
        [StepDueAt] datetime2 NULL,
        [FinishedStepOutcome] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_Handovers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Handovers_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [LatenessFinding] (
        [Id] bigint NOT NULL IDENTITY,
        [DossierId] uniqueidentifier NOT NULL,
        [AuditVersion] int NOT NULL,
        [AuditedAt] datetime2 NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [StatutoryDueAt] datetime2 NULL,
        [LateMinutes] bigint NOT NULL,
        [Sequences] nvarchar(400) NOT NULL,
        [Evidence] nvarchar(max) NOT NULL,
        [ExplanationVi] nvarchar(2000) NOT NULL,
        [ExplanationEn] nvarchar(2000) NOT NULL,
        CONSTRAINT [PK_LatenessFinding] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LatenessFinding_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [DossierCode] nvarchar(60) NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [Unit] nvarchar(300) NULL,
        [Kind] nvarchar(60) NOT NULL,
        [Threshold] nvarchar(60) NOT NULL,
        [Audience] nvarchar(40) NOT NULL,
        [Channel] nvarchar(40) NOT NULL,
        [Subject] nvarchar(300) NOT NULL,
        [Body] nvarchar(4000) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [NotBefore] datetime2 NOT NULL,
        [NextAttemptAt] datetime2 NULL,
        [Attempts] int NOT NULL,
        [SentAt] datetime2 NULL,
        [SentTo] nvarchar(2000) NULL,
        [LastError] nvarchar(2000) NULL,
        [ClaimedUntil] datetime2 NULL,
        [ClaimToken] uniqueidentifier NULL,
        [UndeliveredAt] datetime2 NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutboxMessages_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [Receipts] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [IssuedAt] datetime2 NOT NULL,
        [AppointmentAt] datetime2 NOT NULL,
        [IssuedBy] nvarchar(256) NOT NULL,
        [Reason] nvarchar(1000) NULL,
        CONSTRAINT [PK_Receipts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Receipts_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [Restatements] (
        [Id] bigint NOT NULL IDENTITY,
        [DossierId] uniqueidentifier NOT NULL,
        [DossierCode] nvarchar(60) NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [EventSequence] int NOT NULL,
        [StatutoryDueBefore] datetime2 NOT NULL,
        [StatutoryDueAfter] datetime2 NOT NULL,
        [CalendarStatus] nvarchar(40) NOT NULL,
        [RestatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Restatements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Restatements_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE TABLE [SupplementRequests] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        [Unit] nvarchar(300) NOT NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [MissingDocuments] nvarchar(4000) NOT NULL,
        [RequestedBy] nvarchar(256) NOT NULL,
        [ReceivedAt] datetime2 NULL,
        CONSTRAINT [PK_SupplementRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupplementRequests_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Agencies_ElectronicId] ON [Agencies] ([ElectronicId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Agencies_ParentId] ON [Agencies] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Agencies_Path] ON [Agencies] ([Path]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AgencyUnits_AgencyId_Key] ON [AgencyUnits] ([AgencyId], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Apologies_DossierId] ON [Apologies] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_AgencyId] ON [AspNetUsers] ([AgencyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CalendarNotices_Key_Revision] ON [CalendarNotices] ([Key], [Revision]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_CitizenRatings_AgencyId_RatedAt] ON [CitizenRatings] ([AgencyId], [RatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CitizenRatings_DossierId] ON [CitizenRatings] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_CitizenVisits_DossierId] ON [CitizenVisits] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierActorPattern_AgencyId_CountedUntil_AcceptedAt] ON [DossierActorPattern] ([AgencyId], [CountedUntil], [AcceptedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierActorPattern_DossierId] ON [DossierActorPattern] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierBlindIndex_DossierId] ON [DossierBlindIndex] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DossierEvents_DossierId_Sequence] ON [DossierEvents] ([DossierId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierEvents_RecordedAt] ON [DossierEvents] ([RecordedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierOutcome_AgencyId_AcceptedAt] ON [DossierOutcome] ([AgencyId], [AcceptedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierOutcome_AgencyId_CountedUntil_AcceptedAt] ON [DossierOutcome] ([AgencyId], [CountedUntil], [AcceptedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierOutcome_AgencyId_Outcome_CountedUntil_StatutoryDueAt_Code_AcceptedAt_ResultAt_ClosedAt_LateMinutes_LastKnownAt_Dossie~] ON [DossierOutcome] ([AgencyId], [Outcome], [CountedUntil], [StatutoryDueAt], [Code], [AcceptedAt], [ResultAt], [ClosedAt], [LateMinutes], [LastKnownAt], [DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierOutcome_AgencyId_Outcome_PaperOnTime_CountedUntil_Code_AcceptedAt_ResultAt_LastKnownAt_DossierId] ON [DossierOutcome] ([AgencyId], [Outcome], [PaperOnTime], [CountedUntil], [Code], [AcceptedAt], [ResultAt], [LastKnownAt], [DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierOutcome_AgencyId_ResultAt] ON [DossierOutcome] ([AgencyId], [ResultAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierOutcome_AgencyId_ReturnedAt_CountedUntil_ResultAt_NotCollectedAt_AppointmentAt_AcceptedAt_AgencyElectronicId_Departme~] ON [DossierOutcome] ([AgencyId], [ReturnedAt], [CountedUntil], [ResultAt], [NotCollectedAt], [AppointmentAt], [AcceptedAt], [AgencyElectronicId], [Department], [ProcedureCode], [Clerk]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierOutcome_AuditVersion] ON [DossierOutcome] ([AuditVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_AgencyId_TrackingNumber_AcceptedAt] ON [Dossiers] ([AgencyId], [TrackingNumber], [AcceptedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Dossiers_Code] ON [Dossiers] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_NextSlaCheckAt_Id] ON [Dossiers] ([NextSlaCheckAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_ProcedureVersionId] ON [Dossiers] ([ProcedureVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_ReceivingAgencyId] ON [Dossiers] ([ReceivingAgencyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_Status_StatutoryDueAt] ON [Dossiers] ([Status], [StatutoryDueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Handovers_DossierId_Number] ON [Handovers] ([DossierId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_LatenessAuditRun_StartedAt] ON [LatenessAuditRun] ([StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_LatenessFinding_DossierId_AuditVersion] ON [LatenessFinding] ([DossierId], [AuditVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_LatenessFinding_Kind_AuditedAt] ON [LatenessFinding] ([Kind], [AuditedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_DossierId_Kind_Threshold_Channel] ON [OutboxMessages] ([DossierId], [Kind], [Threshold], [Channel]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_NextAttemptAt] ON [OutboxMessages] ([NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_UndeliveredAt] ON [OutboxMessages] ([UndeliveredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_OutcomeDay_AgencyId_Day] ON [OutcomeDay] ([AgencyId], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_OutcomeRefresh_DossierId] ON [OutcomeRefresh] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_PatternDay_AgencyId_Day] ON [PatternDay] ([AgencyId], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_PersonalDataReads_DossierId_At] ON [PersonalDataReads] ([DossierId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Procedures_AgencyId] ON [Procedures] ([AgencyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Procedures_Code] ON [Procedures] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProcedureVersions_ProcedureId_Number] ON [ProcedureVersions] ([ProcedureId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Receipts_DossierId_Number] ON [Receipts] ([DossierId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_RefreshTokens_FamilyId] ON [RefreshTokens] ([FamilyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_RefreshTokens_UserId_ExpiresAt] ON [RefreshTokens] ([UserId], [ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Restatements_DossierId_EventSequence] ON [Restatements] ([DossierId], [EventSequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_Restatements_RestatedAt] ON [Restatements] ([RestatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    CREATE INDEX [IX_SupplementRequests_DossierId] ON [SupplementRequests] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232552_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130232552_Initial', N'10.0.14');
END;

COMMIT;
GO

