import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, TreeSelect, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, apiSend } from '../../api/client';
import { FRAMEWORKS_KEY, type FrameworkSummary } from '../../api/frameworks';
import { useSession } from '../../api/session';
import { LEVELS, type UnitLevel } from '../../api/types';
import { useUnits } from '../../api/units';
import { ImportButton } from '../../components/ImportButton';
import { blankBand, type DraftBand, normalizeDecimal } from '../../frameworks/draft';
import { buildUnitTree, type UnitNode } from '../../unit-tree';
import { BandsEditor } from './BandsEditor';

interface Identity {
  ownerUnitId: number;
  year: number;
  level: UnitLevel;
  name: string;
}

const levelsBelow = (level: UnitLevel | undefined) => (level ? LEVELS.slice(LEVELS.indexOf(level) + 1) : []);

interface OwnerOption {
  value: number;
  title: string;
  children: OwnerOption[];
}
/** Units that may issue a framework: those with a level below them, active. */
const ownerOptions = (nodes: UnitNode[]): OwnerOption[] =>
  nodes
    .filter((n) => n.active && levelsBelow(n.level).length > 0)
    .map((n) => ({ value: n.id, title: n.name, children: ownerOptions(n.children) }));

const defaultName = (t: TFunction, level: UnitLevel | undefined, year: number | undefined) =>
  level && year ? t('frameworks.defaultName', { level: t(`frameworks.levelName.${level}`), year }) : '';

export const NEXT_YEAR = new Date().getFullYear() + 1;
const THIS_YEAR = NEXT_YEAR - 1;

/**
 * The fields every new framework needs (owner unit, year, level, name); the name follows
 * the year and level until the user writes their own.
 */
function useIdentityForm() {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnits();
  const [form] = Form.useForm<Identity>();
  const owners = useMemo(() => ownerOptions(buildUnitTree(units.data ?? [])), [units.data]);
  const ownerLevel = (id: number | undefined) => units.data?.find((u) => u.id === id)?.level;
  const ownerId = Form.useWatch('ownerUnitId', form);
  const levels = levelsBelow(ownerLevel(ownerId));

  const initial = (): Identity => {
    const own = session.data?.user.unit;
    const level = levelsBelow(own?.level)[0] ?? 'commune';
    return { ownerUnitId: own?.id ?? 0, year: THIS_YEAR, level, name: defaultName(t, level, THIS_YEAR) };
  };

  const onValuesChange = (changed: Partial<Identity>, all: Identity) => {
    if (changed.ownerUnitId !== undefined) {
      const below = levelsBelow(ownerLevel(changed.ownerUnitId));
      if (!below.includes(all.level) && below[0]) form.setFieldValue('level', below[0]);
    }
    if (!form.isFieldTouched('name')) {
      form.setFieldValue('name', defaultName(t, form.getFieldValue('level'), form.getFieldValue('year')));
    }
  };

  const fields = (
    <>
      <Form.Item
        name="ownerUnitId"
        label={t('frameworks.owner')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <TreeSelect treeData={owners} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
        <Form.Item
          name="year"
          label={t('frameworks.year')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('frameworks.level')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
        </Form.Item>
      </div>
      <Form.Item
        name="name"
        label={t('frameworks.name')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
    </>
  );
  return { form, fields, initial, onValuesChange };
}

/**
 * Creating a framework (empty, copied or imported) ends the same way: the list is
 * refreshed, the modal closes and the new draft opens in the editor.
 */
function useOpenCreated(onClose: () => void) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = async ({ id }: { id: number }) => {
    await queryClient.invalidateQueries({ queryKey: [FRAMEWORKS_KEY] });
    onClose();
    navigate(`/bo-chi-so/${id}`);
  };
  const run = async (request: () => Promise<{ id: number }>) => {
    setBusy(true);
    try {
      await open(await request());
    } catch (error) {
      if (error instanceof ApiError) message.error(error.message);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run, open };
}

/** A new, empty draft; the editor opens on it. */
export function CreateFrameworkModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, fields, initial, onValuesChange } = useIdentityForm();
  const { busy, run } = useOpenCreated(onClose);
  const create = (values: Identity) => run(() => apiSend<{ id: number }>('POST', '/api/frameworks', values));

  return (
    <Modal
      open={open}
      title={t('frameworks.create')}
      okText={t('frameworks.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial()}
        onValuesChange={onValuesChange}
        onFinish={create}
      >
        {fields}
      </Form>
    </Modal>
  );
}

const DEFAULT_BANDS: [string, string][] = [
  ['Tốt', '90'],
  ['Khá', '80'],
  ['Trung bình', '70'],
  ['Yếu', '0'],
];

function importUrl(
  values: Partial<Identity>,
  bands: readonly DraftBand[],
  optionalAreas: string[],
): string | null {
  const { ownerUnitId, year, level, name } = values;
  if (!ownerUnitId || !year || !level || !name?.trim()) return null;
  const params = new URLSearchParams({
    ownerUnitId: String(ownerUnitId),
    year: String(year),
    level,
    name: name.trim(),
    bands: bands.map((band) => `${band.name.trim()}:${normalizeDecimal(band.min)}`).join(';'),
  });
  if (optionalAreas.length > 0) params.set('optionalAreas', optionalAreas.join(','));
  return `/api/frameworks/import?${params}`;
}

/**
 * Import from a spreadsheet in the layout of bo-chi-so-cap-xa-2021-mau.csv: what the file
 * does not hold (year, level, name, owner, bands, optional areas) first, then the file.
 * A refused file lists its bad rows (ImportButton's table) and nothing is stored.
 */
export function ImportFrameworkModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const opened = useOpenCreated(onClose);
  const { form, fields, initial, onValuesChange } = useIdentityForm();
  const [bands, setBands] = useState<DraftBand[]>(() =>
    DEFAULT_BANDS.map(([name, min]) => ({ ...blankBand(), name, min })),
  );
  const [optionalAreas, setOptionalAreas] = useState<string[]>([]);
  const values = Form.useWatch([], form) as Partial<Identity> | undefined;
  const url = importUrl(values ?? {}, bands, optionalAreas);

  return (
    <Modal
      open={open}
      title={t('frameworks.importTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <ImportButton<{ id: number }>
          key="import"
          url={url ?? ''}
          disabled={url === null}
          type="primary"
          label={t('frameworks.importChoose')}
          title={t('frameworks.importTitle')}
          help={t('frameworks.importHelp')}
          onDone={opened.open}
        />,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={initial()} onValuesChange={onValuesChange}>
        {fields}
        <Form.Item label={t('frameworks.bands.title')}>
          <BandsEditor bands={bands} onChange={setBands} showAreaFloor={false} />
        </Form.Item>
        <Form.Item label={t('frameworks.optionalAreas')} extra={t('frameworks.optionalAreasHelp')}>
          <Select
            mode="tags"
            value={optionalAreas}
            onChange={setOptionalAreas}
            tokenSeparators={[',', ';', ' ']}
            placeholder="8"
            open={false}
            suffixIcon={null}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('frameworks.importHelp')}
      </Typography.Paragraph>
    </Modal>
  );
}

/**
 * "Copy last year's": a new draft of the framework for the year asked (next year by
 * default), owned by the same unit when the user may edit there, else by the user's unit.
 */
export function CopyFrameworkModal({
  source,
  onClose,
}: {
  source: FrameworkSummary | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnits();
  const [form] = Form.useForm<{ year: number }>();
  const { busy, run } = useOpenCreated(onClose);

  const copy = async ({ year }: { year: number }) => {
    if (!source) return;
    const ownsSource = units.data?.some((u) => u.id === source.ownerUnitId) ?? false;
    const ownerUnitId = ownsSource ? source.ownerUnitId : session.data?.user.unit.id;
    await run(() =>
      apiSend<{ id: number }>('POST', `/api/frameworks/${source.id}/copy`, { year, ownerUnitId }),
    );
  };

  return (
    <Modal
      open={source !== null}
      title={t('frameworks.copyTitle')}
      okText={t('frameworks.copyOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('frameworks.copyIntro', { name: source?.name ?? '' })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: (source?.year ?? THIS_YEAR) + 1 }}
        onFinish={copy}
      >
        <Form.Item
          name="year"
          label={t('frameworks.copyYear')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
