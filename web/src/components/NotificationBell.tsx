import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  assessmentKeys,
  markAllNotificationsRead,
  markNotificationRead,
  type Notification,
  useNotifications,
} from '../api/assessments';
import { formatDateTime } from '../format';

/** The bell in the app's header: unread notifications counted, listed, marked read when opened. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: assessmentKeys.notifications });

  const follow = async (item: Notification) => {
    if (!item.readAt) await markNotificationRead(item.id).catch(() => undefined);
    void refresh();
    setOpen(false);
    if (item.link) navigate(item.link);
  };

  const content = (
    <div style={{ width: 'min(360px, 86vw)' }} data-testid="notification-list">
      <List
        size="small"
        dataSource={items.slice(0, 20)}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />,
        }}
        style={{ maxHeight: 420, overflow: 'auto' }}
        renderItem={(item) => (
          <List.Item
            onClick={() => void follow(item)}
            style={{ cursor: 'pointer', background: item.readAt ? undefined : '#fff7e6', paddingInline: 8 }}
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={!item.readAt} style={{ whiteSpace: 'normal' }}>
                  {i18n.language === 'en' ? item.message.en : item.message.vi}
                </Typography.Text>
              }
              description={formatDateTime(item.createdAt)}
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span>{t('notifications.title')}</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            onClick={() => markAllNotificationsRead().then(refresh, () => undefined)}
            data-testid="notifications-read-all"
          >
            {t('notifications.readAll')}
          </Button>
        </div>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={t('notifications.title')}
        data-testid="notification-bell"
        style={{ paddingInline: 6, flex: 'none' }}
      >
        <Badge count={unread} size="small" offset={[2, -2]}>
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
